app_name = "pdsa"

urlpatterns: list = []
