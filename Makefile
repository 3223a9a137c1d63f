# SiloScope: the two commands of the README, and a few more.
#
#   make demo      install what is missing, build in release mode, run the main job on a real dataset
#   make test      install what is missing, run the whole test suite
#   make renders   draw the diagrams of the datasets into Renders/ (repeatable: same files every time)
#   make bench     benchmarks with their peers on the same files (SUITES="ingest silos brokers"); see Tests/Benchmarks
#
SWIFT ?= swift
SILOSCOPE = .build/release/siloscope
DEMO_LOG = Datasets/opentelemetry_swift_commits/log.csv

.PHONY: setup build demo test renders bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product siloscope

demo: build
	$(SILOSCOPE) summary $(DEMO_LOG)
	$(SILOSCOPE) silos $(DEMO_LOG)
	$(SILOSCOPE) brokers $(DEMO_LOG) --top 5
	$(SILOSCOPE) build $(DEMO_LOG) --output Renders/demo

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

renders: build
	bash scripts/renders.sh

bench: build
	bash Tests/Benchmarks/run.sh $(SUITES)

clean:
	rm -rf .build
