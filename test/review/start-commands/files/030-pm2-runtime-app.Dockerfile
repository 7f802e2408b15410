# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM node:22-alpine
WORKDIR /app
COPY . /app
RUN npm install && npm install pm2 -g
CMD ["pm2-runtime","app.js"]
