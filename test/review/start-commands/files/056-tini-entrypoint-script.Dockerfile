# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bullseye
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["tini", "--"]
CMD ["/entrypoint.sh"]
