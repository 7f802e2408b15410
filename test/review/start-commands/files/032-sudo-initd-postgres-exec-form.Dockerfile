# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y sudo postgresql
CMD ["sudo", "-u", "postgres", "/etc/init.d/postgresql", "start"]
