# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM centos:7
COPY start.sh /home/
RUN yum install -y cronie && yum clean all && touch /var/log/cron.log
ENTRYPOINT cron start && tail -f /var/log/cron.log
