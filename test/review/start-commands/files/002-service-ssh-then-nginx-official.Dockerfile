# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM nginx:1.27
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server && rm -rf /var/lib/apt/lists/*
CMD service ssh start && nginx -g 'daemon off;'
