# Self-hosting: docker build -t conflictdesk . && docker run -p 8501:8501 conflictdesk
# The image holds the bundled data's database, built once here and opened read-only by every container
# (one, or many replicas behind a balancer: deploy/kubernetes/, deploy/haproxy.cfg).
FROM python:3.11-slim

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Validate the data and write its whole database; a container never builds or writes one.
RUN python -m conflictdesk build --out /srv/conflictdesk/conflictdesk.duckdb data
ENV CONFLICTDESK_DB=/srv/conflictdesk/conflictdesk.duckdb

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status == 200 else 1)"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
