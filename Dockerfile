# factbot: small image, non-root, facts and data as volumes.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    FACTBOT_FACTS_DIR=/app/facts FACTBOT_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install . && useradd --create-home --uid 10001 factbot && mkdir -p /data && chown factbot /data
COPY facts ./facts

USER factbot
VOLUME ["/app/facts", "/data"]
# The health check asks the running bot (127.0.0.1:8081/healthz) whether it serves: a bad edit to the
# facts leaves it serving the last good ones, and healthy.
HEALTHCHECK --interval=60s --timeout=10s --start-period=30s CMD ["factbot", "health"]
ENTRYPOINT ["factbot"]
CMD ["run"]
