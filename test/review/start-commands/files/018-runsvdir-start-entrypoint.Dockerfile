# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm
RUN apt-get update -q && apt-get install -y runit
COPY ./runsvdir-start /usr/local/sbin/runsvdir-start
ENTRYPOINT ["/usr/local/sbin/runsvdir-start"]
