"""The Telegram layer: thin, and blind to how questions are matched."""
