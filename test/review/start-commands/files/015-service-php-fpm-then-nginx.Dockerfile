# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM nginx:1.27
RUN apt-get update && apt-get install -y php-fpm
COPY ./conf.d /etc/nginx/conf.d
CMD service php8.2-fpm start && nginx -g "daemon off;"
