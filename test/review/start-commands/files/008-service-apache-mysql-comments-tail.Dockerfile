# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y apache2 mysql-server && apt-get clean
EXPOSE 80 3306
CMD service apache2 start && \
# start the database too
    service mysql start && \
# keep the container running
    tail -f /dev/null
