# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:stable
RUN apt-get update && apt-get install -y nginx openssh-server
CMD service ssh start && nginx -g 'daemon off;'
