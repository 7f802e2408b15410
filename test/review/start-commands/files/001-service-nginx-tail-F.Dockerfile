# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
CMD service nginx start && tail -F /var/log/nginx/access.log -F /var/log/nginx/error.log
