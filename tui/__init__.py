"""chartdesk: draft, check and sign PT/OT documentation from a terminal."""
