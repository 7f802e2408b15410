# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm
RUN apt-get update && apt-get install -y supervisor
CMD /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf
