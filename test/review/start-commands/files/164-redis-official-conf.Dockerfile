# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM redis:7.4
COPY redis.conf /usr/local/etc/redis/redis.conf
EXPOSE 6379
USER 999
CMD [ "redis-server", "/usr/local/etc/redis/redis.conf" ]
