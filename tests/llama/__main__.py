"""`python -m tests.llama --server BIN --model GGUF`: chartdesk against a real llama-server."""

from tests.llama.e2e import main

raise SystemExit(main())
