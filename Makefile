# SiloScope: the two commands of the README, and a few more.
#
#   make demo          install what is missing, build in release mode, write the report of a real
#                      dataset to Renders/demo/ (siloscope analyze)
#   make test          install what is missing, run the whole test suite
#   make check-report  open Renders/demo/report.html in headless Chromium and take screenshots
#   make docs          build the DocC documentation of every module (.build-docc/plugins/Swift-DocC/outputs/)
#   make renders       draw the diagrams of the datasets into Renders/ (the same files every time)
#   make bench         benchmarks with their peers on the same files (SUITES="ingest silos brokers");
#                      see Tests/Benchmarks
#
SWIFT ?= swift
SILOSCOPE = .build/release/siloscope
DEMO_LOG = Datasets/opentelemetry_swift_commits/log.csv

.PHONY: setup build demo test renders check-report docs bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product siloscope

# The OpenTelemetry developers are pseudonymized in the dataset already, and most employers
# have one or two of them: the demo keeps every department (--min-group-size 1).
demo: build
	$(SILOSCOPE) analyze $(DEMO_LOG) --out Renders/demo --min-group-size 1 \
	  --heading "OpenTelemetry Swift: who works with whom across employers, 2020–2026"

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

renders: build
	bash scripts/renders.sh

check-report:
	bash scripts/check-report.sh $(REPORT)

docs: setup
	$(SWIFT) package --scratch-path .build-docc generate-documentation --warnings-as-errors \
	  --target SiloGraph --target SiloIngest --target SiloMetrics --target SiloRender --target SiloReport

bench: build
	bash Tests/Benchmarks/run.sh $(SUITES)

clean:
	rm -rf .build
