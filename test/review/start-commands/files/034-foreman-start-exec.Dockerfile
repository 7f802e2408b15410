# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM ruby:3.3
RUN gem install bundler foreman
COPY . /app
WORKDIR /app
EXPOSE 4567
CMD ["foreman", "start", "-d", "/app", "-f", "/app/Procfile", "-p", "4567"]
