# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:14.04
RUN apt-get update && apt-get install -y nginx python
CMD service nginx start; bin/slyd -p 9002 -r /app/slyd/dist
