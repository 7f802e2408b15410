# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3.20
RUN apk add --no-cache busybox-extras
ENTRYPOINT ["tail", "-f", "/dev/null"]
