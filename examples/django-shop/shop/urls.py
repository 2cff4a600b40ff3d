from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("product", views.product, name="product"),
    path("cart/add", views.add_to_cart, name="add-to-cart"),
    path("cart", views.cart, name="cart"),
    path("order", views.order, name="order"),
    path("notify", views.notify, name="notify"),
]

handler404 = "shop.views.not_found"
handler500 = "shop.views.server_error"
