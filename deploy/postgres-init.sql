-- Two databases on one server: cchc-flow's and the Prefect server's (compose.yaml).
CREATE DATABASE cchc;
CREATE DATABASE prefect;
