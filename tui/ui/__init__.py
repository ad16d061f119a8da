"""The review app (Textual). Reaches the domain only through `tui.core.service.ClinicService`."""
