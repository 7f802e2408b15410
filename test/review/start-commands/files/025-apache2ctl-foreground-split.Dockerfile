# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:24.04
RUN apt-get update && apt-get -y install apache2
EXPOSE 80
ENTRYPOINT ["apache2ctl"]
CMD ["-DFOREGROUND"]
