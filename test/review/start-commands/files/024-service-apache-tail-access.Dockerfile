# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM docker.io/debian:12
EXPOSE 80
RUN apt-get update && apt-get install apache2 -y
CMD service apache2 start && tail -f /var/log/apache2/access.log
