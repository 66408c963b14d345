app_name = "learning_sets"

urlpatterns: list = []
