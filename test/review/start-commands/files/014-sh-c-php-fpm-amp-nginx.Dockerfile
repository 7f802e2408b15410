# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM php:8.3-fpm-alpine
RUN apk add --no-cache nginx
COPY nginx.conf /etc/nginx/nginx.conf
EXPOSE 80
CMD ["sh", "-c", "php-fpm & nginx -g 'daemon off;'"]
