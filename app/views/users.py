"""Brugere: users, their roles and units, passwords and tablet PINs, and wall-screen links."""

import streamlit as st

from app.admin.board_links import board_link_admin
from app.admin.users import edit_user_form, new_user_form, user_list
from app.language import text

st.title(text("nav.users"))
st.caption(text("users.intro"))
listed, created, edited, links = st.tabs([text("users.tab.list"), text("users.tab.create"),
                                          text("users.tab.edit"), text("users.tab.links")])
with listed:
    user_list()
with created:
    new_user_form()
with edited:
    edit_user_form()
with links:
    board_link_admin()
