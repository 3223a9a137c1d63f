# SiloScope: the two commands of the README, and a few more.
#
#   make demo          install what is missing, build in release mode, write the report of a real
#                      organization to Renders/demo/ (English) and Renders/demo-nl/ (Dutch)
#   make test          install what is missing, run the whole test suite (with the SQL of
#                      `siloscope sql` run in DuckDB against `siloscope build`)
#   make check-spark   the same SQL check with Spark in local mode (pyspark, Java 17)
#   make check-report  open Renders/demo/report.html in headless Chromium and take screenshots
#   make docs          build the DocC documentation of every module (.build-docc/plugins/Swift-DocC/outputs/)
#   make renders       draw the diagrams of the datasets into Renders/ (the same files every time)
#   make references    regenerate Tests/References/reference_values.md, silos_reference.md,
#                      hierarchy_reference.md and the broker tests' BrokersReference.swift with the pinned networkx and igraph (in
#                      .venv-refs) and show any difference from the committed files
#   make bench         benchmarks with their peers on the same files (SUITES="ingest silos brokers");
#                      see Tests/Benchmarks
#
SWIFT ?= swift
SILOSCOPE = .build/release/siloscope
DEMO_EDGES = Datasets/lazega_lawfirm/edges.csv
DEMO_NODES = Datasets/lazega_lawfirm/nodes.csv
# The demo reports state this date (5 December 2026) and no run time, so that make demo writes
# the committed files byte for byte on any machine (SOURCE_DATE_EPOCH, reproducible-builds.org).
DEMO_DATE = 1796428800
DEMO = SOURCE_DATE_EPOCH=$(DEMO_DATE) $(SILOSCOPE) analyze --edges $(DEMO_EDGES) --nodes $(DEMO_NODES) \
  --relation cowork --group-column office --min-group-size 1 --quiet

.PHONY: setup build demo test check-spark renders check-report docs references bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product siloscope

# Lazega's law firm: 71 lawyers in three offices, "with whom have you worked" as the tie. The
# lawyers are labelled L01…L71 in the dataset already, and the smallest office has four of
# them: the demo keeps every office (--min-group-size 1).
demo: build
	$(DEMO) --out Renders/demo --heading "Lazega's law firm, 1988–1991: who works with whom across the offices"
	$(DEMO) --out Renders/demo-nl --language nl --heading "Advocatenkantoor van Lazega, 1988–1991: samenwerking tussen de vestigingen"

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash Tests/Warehouse/check.sh duckdb

# The Spark SQL of `siloscope sql` against `siloscope build` (pyspark in local mode, Java 17):
# a few minutes, so not part of make test.
check-spark: setup
	$(SWIFT) build --product siloscope
	bash Tests/Warehouse/check.sh spark

renders: build
	bash scripts/renders.sh

check-report:
	bash scripts/check-report.sh $(REPORT)

docs: setup
	$(SWIFT) package --scratch-path .build-docc generate-documentation --warnings-as-errors \
	  --target SiloGraph --target SiloIngest --target SiloMetrics --target SiloRender --target SiloDesign --target SiloReport

references:
	@.venv-refs/bin/python -c "import igraph, networkx, numpy" 2>/dev/null || (python3 -m venv .venv-refs && .venv-refs/bin/pip install -q -r Tests/References/requirements.txt)
	PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/reference_values.py | diff -u Tests/References/reference_values.md -; values=$$?; \
	PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/silos_reference.py | diff -u Tests/References/silos_reference.md -; silos=$$?; \
	PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/brokers_reference.py | diff -u Tests/SiloMetricsTests/Fixtures/BrokersReference.swift -; brokers=$$?; \
	PYTHONHASHSEED=0 .venv-refs/bin/python Tests/References/hierarchy_reference.py | diff -u Tests/References/hierarchy_reference.md -; hierarchy=$$?; \
	test $$values = 0 && test $$silos = 0 && test $$brokers = 0 && test $$hierarchy = 0 && echo "references: the same"

bench: build
	bash Tests/Benchmarks/run.sh $(SUITES)

clean:
	rm -rf .build
