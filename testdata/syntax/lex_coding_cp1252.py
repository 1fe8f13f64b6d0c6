# coding=cp1252
s = "€ euro “quoted”"
