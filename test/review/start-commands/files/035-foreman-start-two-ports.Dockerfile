# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ruby:3.3
COPY . /app/
WORKDIR /app
RUN gem install foreman && bundle install
EXPOSE 5000 9292
CMD foreman start
