# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM postgres:16
ENV PGDATA=/postgres/data
USER postgres
RUN initdb -D $PGDATA
CMD pg_ctl -D $PGDATA -o "-c listen_addresses='*'" -l $PGDATA/startup.log start && tail -f /dev/null
