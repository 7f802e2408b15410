# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3
ENV SERVER_ADDR=0.0.0.0 SERVER_PORT=8388
CMD ssservice server -s "$SERVER_ADDR:$SERVER_PORT" \
                     -k "${PASSWORD:-$(hostname)}"  \
                     --tcp-fast-open --tcp-no-delay \
                     -U
