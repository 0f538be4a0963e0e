"""The phone web server: Starlette on uvicorn in a thread of the app, or headless."""
