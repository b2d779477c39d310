package org.zstack.header.rest;

public enum HttpMethod { GET, POST, PUT, DELETE }
