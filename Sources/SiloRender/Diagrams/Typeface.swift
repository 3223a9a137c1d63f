/// The typeface of every diagram, named explicitly so that the same input gives the same
/// drawing on every machine.
///
/// Graphviz measures text with the fonts the machine has (through Pango and fontconfig): with
/// a generic name such as "Helvetica", fontconfig substitutes whatever sans-serif font is
/// installed, and text positions change from machine to machine. SiloScope names DejaVu Sans,
/// which `scripts/setup.sh` installs from Debian (`fonts-dejavu-core`) when fontconfig does not
/// find it. The name is a Pango family list: Graphviz measures with the first family found,
/// and writes the whole list into the SVG's `font-family`, so a viewer without DejaVu Sans
/// falls back to Verdana (of similar width, on Windows and macOS), then to any sans-serif.
public enum Typeface {
  /// The font list of every label: `DejaVu Sans,Verdana,sans-serif`.
  public static let family = "DejaVu Sans,Verdana,sans-serif"
}
