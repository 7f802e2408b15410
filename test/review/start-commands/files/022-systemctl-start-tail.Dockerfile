# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y apache2
EXPOSE 80
CMD systemctl start apache2 && tail -f /var/log/apache2/access.log
