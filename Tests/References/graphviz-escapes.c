/* Renders a DOT text through libgvc (neato, SVG) and writes the SVG to standard output:
 * the measurement behind graphviz.md §4. Build and run with graphviz-escapes.sh. */
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s FILE.dot\n", argv[0]); return 64; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 66; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *text = malloc(n + 1);
  if (fread(text, 1, n, f) != (size_t)n) { perror(argv[1]); return 66; }
  text[n] = 0;
  fclose(f);
  GVC_t *gvc = gvContext();
  graph_t *g = agmemread(text);
  if (!g) { fprintf(stderr, "not DOT\n"); return 65; }
  gvLayout(gvc, g, "neato");
  gvRender(gvc, g, "svg", stdout);
  gvFreeLayout(gvc, g);
  agclose(g);
  free(text);
  return gvFreeContext(gvc);
}
