# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3.7
ENV S6_OVERLAY_VERSION "1.21.4.0"
COPY fsroot /
RUN /bin/sh /tmp/build.sh && rm -rf /tmp/*
ENTRYPOINT ["/init"]
