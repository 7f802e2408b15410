# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y cron
COPY crontab /etc/cron.d/container-cron
RUN touch /var/log/cron.log
CMD cron && tail -f /var/log/cron.log
