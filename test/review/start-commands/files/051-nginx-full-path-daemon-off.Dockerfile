# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3
CMD ["/usr/local/nginx/sbin/nginx", "-g", "daemon off;"]
