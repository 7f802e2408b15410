# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ruby:3.3
RUN gem install foreman
COPY . /app
WORKDIR /app
CMD foreman start
