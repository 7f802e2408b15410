# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm
EXPOSE 80
RUN apt-get update && apt-get -y install apache2
CMD service apache2 start && tail -f /var/log/apache2/access.log /var/log/apache2/error.log
