# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:buster
RUN apt-get update && apt-get install -y tini python3-pip
ENTRYPOINT ["tini", "--"]
CMD ["scrapyd", "--pidfile="]
