#!/usr/bin/env bash
# Draws the diagrams of the datasets in Datasets/ into Renders/ (make renders).
# Every drawing is repeatable: running this twice gives the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
S=${SILOSCOPE:-.build/release/siloscope}
D=Datasets
R=Renders
q() { "$S" render --force "$@" 2>/dev/null; }

views() {  # views NAME ARGS... : the four views of one dataset
  local name=$1; shift
  mkdir -p "$R/$name"
  for view in people departments communities ego; do
    q "$@" --view "$view" --output "$R/$name/$view.svg"
  done
}
views_without_departments() {
  local name=$1; shift
  mkdir -p "$R/$name"
  for view in people communities ego; do
    q "$@" --view "$view" --output "$R/$name/$view.svg"
  done
}

views opentelemetry_swift_commits $D/opentelemetry_swift_commits/log.csv \
  --heading "OpenTelemetry Swift: developers by employer, 2020–2026"
views lazega_lawfirm --edges $D/lazega_lawfirm/edges.csv --nodes $D/lazega_lawfirm/nodes.csv --relation cowork \
  --heading "Lazega law firm: co-work between lawyers, by practice"
views krackhardt_hightech --edges $D/krackhardt_hightech/edges.csv --nodes $D/krackhardt_hightech/nodes.csv \
  --relation advice --directed --heading "Krackhardt high-tech managers: advice, by department"
# The org chart with the advice drawn over it (the managers' reporting lines are in managers.csv).
q --edges $D/krackhardt_hightech/edges.csv --nodes $D/krackhardt_hightech/managers.csv --relation advice --directed \
  --view org-chart --output "$R/krackhardt_hightech/org-chart.svg" \
  --heading "Krackhardt high-tech managers: the org chart and the advice across it"
views zachary_karate --edges $D/zachary_karate/edges.csv --nodes $D/zachary_karate/nodes.csv \
  --heading "Zachary karate club: interaction, by faction after the split"
views_without_departments padgett_florentine --edges $D/padgett_florentine/edges.csv \
  --nodes $D/padgett_florentine/nodes.csv --relation marriage --heading "Florentine families: marriages"
views davis_southern_women $D/davis_southern_women/log.csv \
  --heading "Davis Southern women: shared social events, by the analysts' two cliques"
views_without_departments galaskiewicz_ceos_clubs $D/galaskiewicz_ceos_clubs/log.csv \
  --heading "Galaskiewicz: CEOs sharing clubs and boards"
views_without_departments barnes_burkett_corporate_leadership $D/barnes_burkett_corporate_leadership/log.csv \
  --heading "Barnes and Burkett: directors sharing boards"
# The Whigs' organizations are large (one has 60 members), so everyone is tied to nearly
# everyone: people and communities only, no ego network (it would be the whole graph again).
mkdir -p "$R/paul_revere_whigs"
for view in people communities; do
  q $D/paul_revere_whigs/log.csv --view $view --output "$R/paul_revere_whigs/$view.svg" \
    --heading "Boston Whigs, 1775: shared organizations"
done

# Generated municipalities (synthetic, `siloscope generate`) at three sizes.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$R/synthetic"
for n in 100 1000 5000; do
  "$S" generate --people "$n" --seed 1 --output "$work/org$n.csv" >/dev/null
done
for view in people departments communities; do
  q "$work/org100.csv" --view "$view" --output "$R/synthetic/org100-$view.svg" --heading "Generated municipality, 100 people"
done
for view in people departments; do
  q "$work/org1000.csv" --view "$view" --output "$R/synthetic/org1000-$view.svg" --heading "Generated municipality, 1,000 people"
done
# 5,000 people: above the person-level limit the people view draws departments.
q "$work/org5000.csv" --view people --output "$R/synthetic/org5000-people.svg" --heading "Generated municipality, 5,000 people"

# Change over time (the figures analyze draws for a dated log): the share of collaboration
# inside and of people with a tie outside by period, and the communities followed from
# period to period.
figures() {  # figures FOLDER PREFIX ARGS... : the two trend figures of one analysis
  local folder=$1 prefix=$2; shift 2
  "$S" analyze "$@" --out "$work/figures" --quiet >/dev/null 2>&1
  cp "$work/figures/trend.svg" "$R/$folder/${prefix}trend.svg"
  cp "$work/figures/trend-outside-ties.svg" "$R/$folder/${prefix}trend-outside-ties.svg"
  cp "$work/figures/communities-over-time.svg" "$R/$folder/${prefix}communities-over-time.svg"
  rm -rf "$work/figures"
}
figures opentelemetry_swift_commits "" $D/opentelemetry_swift_commits/log.csv \
  --people $D/opentelemetry_swift_commits/persons.csv --min-group-size 1 --period year
figures synthetic org1000- "$work/org1000.csv" --period quarter --language nl
echo "renders: $(find "$R" -name "*.svg" | wc -l | tr -d " ") SVG files under $R/" >&2
