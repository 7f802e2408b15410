# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.9.0
COPY . /workspace/
RUN apt-get update && apt-get install -y cron
CMD cron && tail -f /var/log/cron.log
