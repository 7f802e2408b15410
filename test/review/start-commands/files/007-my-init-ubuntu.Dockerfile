# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:14.04
RUN apt-get update && apt-get -y install git
CMD ["/sbin/my_init"]
