"""The domain: clinic folder, Skills, notes, store, pipeline and checks. Never imports Textual."""
