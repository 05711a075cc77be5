# The two commands of the README: `make run` and `make test`. Both install what is missing
# (apt, sudo when not root), configure and build first.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps clean

run: build
	./$(BUILD)/compound-atlas

test: build
	cd $(BUILD) && ctest --output-on-failure --timeout 600

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

deps:
	bash .ci/install-deps.sh

clean:
	rm -rf $(BUILD)
