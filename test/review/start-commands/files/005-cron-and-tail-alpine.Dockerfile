# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3.7
ADD crontab /etc/cron.d/backup
RUN touch /var/log/cron.log
CMD cron && tail -f /var/log/cron.log
