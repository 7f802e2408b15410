# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM phusion/baseimage:0.11
CMD ["/sbin/my_init"]
RUN rm -f /etc/service/sshd/down
